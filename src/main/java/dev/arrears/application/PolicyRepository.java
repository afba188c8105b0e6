package dev.arrears.application;

import dev.arrears.domain.policy.Policy;
import java.util.List;
import java.util.Optional;

/** The accountants' follow-up policies, as validated at start-up. */
public interface PolicyRepository {

    Optional<Policy> find(String id);

    /** Every policy, ordered by id. */
    List<Policy> all();

    /**
     * The id itself when such a policy is loaded. An organisation registered with an unknown policy
     * would fail every cycle, so registration refuses it at once.
     */
    default String known(String id) {
        if (id == null || find(id).isEmpty()) {
            throw new IllegalArgumentException("policyId must be one of the loaded policies: "
                    + String.join(", ", all().stream().map(Policy::id).toList()));
        }
        return id;
    }
}
