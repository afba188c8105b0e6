package dev.arrears.application.email;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrears.domain.policy.ActionSpec;
import dev.arrears.domain.policy.Policy;
import dev.arrears.domain.policy.PolicyOptions;
import dev.arrears.domain.policy.ReminderChannel;
import dev.arrears.domain.policy.Stage;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChannelsTest {

    private static final Policy POLICY = new Policy("p", "v1", "test", List.of(
            stage("Friendly heads-up", -3, Optional.empty()),
            stage("Overdue notice", 1, Optional.empty()),
            stage("Final notice", 14, Optional.of(ReminderChannel.LEDGER))), List.of(), PolicyOptions.DEFAULTS);

    private static final Mailbox ACCOUNTS = Mailbox.parse("Acme Accounts <accounts@acme.example>");
    private static final Mailbox CONTROLLER = Mailbox.parse("Jo Credit <jo@acme.example>");

    @Test
    void an_organisation_without_a_sender_profile_keeps_the_ledgers_email() {
        assertThat(Channels.ofOrganisation(Optional.empty())).isEqualTo(ReminderChannel.LEDGER);
        assertThat(Channels.forStage(Optional.empty(), POLICY, "Overdue notice")).isEqualTo(ReminderChannel.LEDGER);
    }

    @Test
    void an_organisation_with_a_sender_profile_sends_email_except_where_a_stage_says_otherwise() {
        Optional<SenderProfile> profile = Optional.of(profile(ReminderChannel.EMAIL, Optional.empty()));
        assertThat(Channels.ofOrganisation(profile)).isEqualTo(ReminderChannel.EMAIL);
        assertThat(Channels.forStage(profile, POLICY, "Overdue notice")).isEqualTo(ReminderChannel.EMAIL);
        assertThat(Channels.forStage(profile, POLICY, "Final notice")).isEqualTo(ReminderChannel.LEDGER);
        assertThat(Channels.forStage(profile, POLICY, "a stage since removed")).isEqualTo(ReminderChannel.EMAIL);
    }

    @Test
    void the_escalated_sender_sends_from_its_stage_on() {
        SenderProfile profile = profile(ReminderChannel.EMAIL, Optional.of(new EscalatedSender(CONTROLLER, "Overdue notice")));
        assertThat(profile.senderFor(POLICY, "Friendly heads-up")).isEqualTo(ACCOUNTS);
        assertThat(profile.senderFor(POLICY, "Overdue notice")).isEqualTo(CONTROLLER);
        assertThat(profile.senderFor(POLICY, "Final notice")).isEqualTo(CONTROLLER);
    }

    @Test
    void an_escalated_sender_naming_no_stage_of_the_policy_is_not_used() {
        SenderProfile profile = profile(ReminderChannel.EMAIL, Optional.of(new EscalatedSender(CONTROLLER, "Final demand")));
        assertThat(profile.senderFor(POLICY, "Final notice")).isEqualTo(ACCOUNTS);
    }

    private static SenderProfile profile(ReminderChannel channel, Optional<EscalatedSender> escalated) {
        return new SenderProfile(channel, ACCOUNTS, Optional.empty(), List.of(), List.of(), escalated, Optional.empty(), Locale.ENGLISH);
    }

    private static Stage stage(String name, int day, Optional<ReminderChannel> channel) {
        return new Stage(name, day, List.of(), List.of(new ActionSpec.SendReminder("friendly")), Optional.empty(), channel);
    }
}
