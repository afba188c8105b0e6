package dev.arrears.domain.contact;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Why a contact could not happen at a given moment and was moved later. */
public sealed interface Deferral {

    /** For people and the audit log: "deferred: ...". */
    String reason();

    record OutsideSendWindow(ZonedDateTime at, SendWindow window) implements Deferral {
        @Override
        public String reason() {
            return "deferred: " + TextFormat.dayAndTime(at) + " is outside the send window " + window.describe();
        }
    }

    record PublicHoliday(LocalDate date, String name, String region) implements Deferral {
        @Override
        public String reason() {
            return "deferred: " + date + " is a public holiday (" + name + ") in " + region;
        }
    }

    /** {@code other} is the contact the proposed moment came too close to; usually the last one. */
    record MinimumGap(Instant other, boolean otherIsEarlier, Duration gap, ZoneId zone) implements Deferral {
        @Override
        public String reason() {
            String when = TextFormat.moment(other, zone);
            return otherIsEarlier
                    ? "deferred: last contact with this customer was at " + when + " (minimum gap " + TextFormat.duration(gap) + ")"
                    : "deferred: another contact with this customer is recorded at " + when + " (minimum gap " + TextFormat.duration(gap) + ")";
        }
    }

    /** {@code cap} other contacts already fall within one rolling 7 days with the proposed moment. */
    record ContactCap(int cap, boolean allEarlier) implements Deferral {
        @Override
        public String reason() {
            return "deferred: " + cap + " contacts " + (allEarlier ? "in the last 7 days" : "within 7 days of this moment") + " (cap " + cap + ")";
        }
    }
}
