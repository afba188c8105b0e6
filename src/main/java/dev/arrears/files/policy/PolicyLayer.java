package dev.arrears.files.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * One file's contribution to an effective policy: the firm default (or another full policy), an
 * organisation override, or a customer override.
 *
 * @param version   the hash of the file's bytes
 * @param extendsId organisation overrides only: the full policy they build on
 */
record PolicyLayer(Kind kind, String file, String id, String version, JsonNode root, Optional<OrganisationSelector> organisation,
                   List<String> customers, Optional<String> customerGroup, Optional<String> extendsId) {

    enum Kind { BASE, ORGANISATION, CUSTOMER }

    PolicyLayer {
        customers = List.copyOf(customers);
    }

    boolean forGroup() {
        return customerGroup.isPresent();
    }

    /** Whether this customer file and {@code other} could both apply to one invoice in the same role (a clash). */
    boolean sameScopeAs(PolicyLayer other) {
        return organisation.isEmpty() || other.organisation.isEmpty() || organisation.get().sameAs(other.organisation.get());
    }
}
