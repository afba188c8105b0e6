package dev.arrears.application;

import java.util.Optional;

/** Every policy version Arrears has ever decided under. */
public interface PolicyVersionStore {

    /** Records a version if it is not stored yet. @return true if it was new */
    boolean record(PolicyVersionRecord version);

    Optional<PolicyVersionRecord> find(String policyId, String version);
}
