package dev.arrears.application.email;

import dev.arrears.domain.policy.Policy;
import dev.arrears.domain.policy.ReminderChannel;
import java.util.Optional;

/**
 * Which channel a reminder goes through: the stage's own choice in the policy, else the
 * organisation's (its sender profile's channel, which is {@code email} unless changed), else, for an
 * organisation without a sender profile, the ledger's invoice email as before.
 */
public final class Channels {

    private Channels() {
    }

    /** The organisation's channel: the one shown in the admin API. */
    public static ReminderChannel ofOrganisation(Optional<SenderProfile> profile) {
        return profile.map(SenderProfile::channel).orElse(ReminderChannel.LEDGER);
    }

    /** The channel of a stage's reminder; an unknown stage (a policy changed since) takes the organisation's. */
    public static ReminderChannel forStage(Optional<SenderProfile> profile, Policy policy, String stageName) {
        return policy.stages().stream().filter(s -> s.name().equals(stageName)).findFirst()
                .flatMap(s -> s.channel())
                .orElseGet(() -> ofOrganisation(profile));
    }
}
