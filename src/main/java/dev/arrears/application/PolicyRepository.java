package dev.arrears.application;

import dev.arrears.domain.policy.Policy;
import java.util.List;
import java.util.Optional;

/** The accountants' follow-up policies, as validated at start-up. */
public interface PolicyRepository {

    Optional<Policy> find(String id);

    /** Every policy, ordered by id. */
    List<Policy> all();
}
