package dev.arrears.files.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrears.application.LedgerProvider;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationKey;
import dev.arrears.application.SendRules;
import dev.arrears.domain.contact.ContactRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrganisationSettingsCatalogTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final OrganisationKey NORTHWIND = new OrganisationKey(
            OrganisationId.parse("6f0c3c1e-6d0b-4f57-9a39-0b1a2c3d4e5f"), LedgerProvider.XERO, "xero-tenant-1");
    private static final OrganisationKey HUDSON = new OrganisationKey(
            OrganisationId.parse("0a6e2b9c-1111-4c1e-8f00-5a5a5a5a5a5a"), LedgerProvider.QUICKBOOKS, "9130350000000001");

    @TempDir
    Path dir;

    @Test
    void readsEveryFieldAndFallsBackToTheDefaultsForTheRest() throws IOException {
        write("northwind.yaml", """
                organisation: 6f0c3c1e-6d0b-4f57-9a39-0b1a2c3d4e5f
                description: Scottish client, Saturday mornings too
                send_rules:
                  window: { days: [mon, tue, wed, thu, fri, sat], from: "08:30", until: "12:00", zone: Europe/London }
                  holidays: { country: GB, subdivision: sct }
                  minimum_gap_days: 5
                  max_contacts_per_7_days: 1
                """);
        write("hudson.yaml", """
                provider: quickbooks
                tenant_id: "9130350000000001"
                send_rules:
                  window: { until: "24:00" }
                """);

        OrganisationSettingsCatalog catalog = OrganisationSettingsCatalog.load(dir);

        SendRules northwind = catalog.rulesFor(NORTHWIND, ZoneId.of("UTC"), "GB");
        assertThat(northwind.contact().window().days()).isEqualTo(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY));
        assertThat(northwind.contact().window().start()).isEqualTo(LocalTime.of(8, 30));
        assertThat(northwind.contact().window().end()).isEqualTo(LocalTime.NOON);
        assertThat(northwind.contact().window().zone()).isEqualTo(LONDON);
        assertThat(northwind.contact().minimumGap()).isEqualTo(Duration.ofDays(5));
        assertThat(northwind.contact().maxContactsPer7Days()).isEqualTo(1);
        assertThat(northwind.holidays().region()).isEqualTo("GB-SCT");
        assertThat(northwind.holidays().isHoliday(LocalDate.of(2027, 3, 29))).isFalse(); // Easter Monday: not a bank holiday in Scotland
        assertThat(northwind.holidays().isHoliday(LocalDate.of(2026, 11, 30))).isTrue(); // St Andrew's Day, Scotland only
        assertThat(northwind.source()).isEqualTo(dir.resolve("northwind.yaml").toString());

        SendRules hudson = catalog.rulesFor(HUDSON, ZoneId.of("America/New_York"), "US");
        ContactRules defaults = ContactRules.defaults(ZoneId.of("America/New_York"));
        assertThat(hudson.contact().window().start()).isEqualTo(defaults.window().start());
        assertThat(hudson.contact().window().end()).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(hudson.contact().window().zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(hudson.contact().minimumGap()).isEqualTo(defaults.minimumGap());
        assertThat(hudson.holidays().isHoliday(LocalDate.of(2026, 7, 4)) || hudson.holidays().isHoliday(LocalDate.of(2026, 7, 3))).isTrue();
    }

    @Test
    void theWeeklyCapCanSayNoCap() throws IOException {
        write("northwind.yaml", """
                organisation: 6f0c3c1e-6d0b-4f57-9a39-0b1a2c3d4e5f
                send_rules:
                  minimum_gap_days: 2
                  max_contacts_per_7_days: none
                """);

        SendRules rules = OrganisationSettingsCatalog.load(dir).rulesFor(NORTHWIND, LONDON, "GB");

        assertThat(rules.contact().maxContactsPer7Days()).isEqualTo(ContactRules.NO_CAP);
        assertThat(rules.contact().describeCap()).isEqualTo("no cap on contacts per 7 days");
        assertThat(rules.contact().minimumGap()).isEqualTo(Duration.ofDays(2));
    }

    @Test
    void anOrganisationWithoutAFileGetsTheDefaultsInItsZoneWithItsCountrysHolidays() {
        SendRules rules = OrganisationSettingsCatalog.load(dir.resolve("absent")).rulesFor(NORTHWIND, LONDON, "GB");

        assertThat(rules.contact()).isEqualTo(ContactRules.defaults(LONDON));
        assertThat(rules.holidays().isHoliday(LocalDate.of(2026, 12, 25))).isTrue();
        assertThat(rules.source()).startsWith("the firm's default send rules");
    }

    @Test
    void badFilesAreReportedWithFileFieldAndWhatIsAllowed() throws IOException {
        Path bad = write("bad.yaml", """
                organisation: not-a-uuid
                send_rules:
                  window: { days: [mon, funday], from: "9am", until: 17:00, zone: Europe/Londn }
                  holidays: { country: GB }
                  minimum_gap_days: -1
                  max_contacts_per_7_days: 0
                  burst: 3
                limitation: { years: 40 }
                """);
        Path reversed = write("reversed.yaml", """
                provider: sage
                tenant_id: abc
                send_rules:
                  window: { from: "17:00", until: "09:00" }
                  holidays: { country: XX }
                """);
        Path twice = write("twice.yaml", "organisation: 6f0c3c1e-6d0b-4f57-9a39-0b1a2c3d4e5f\n");
        Path twiceAgain = write("twice2.yaml", "organisation: 6f0c3c1e-6d0b-4f57-9a39-0b1a2c3d4e5f\n");
        Path window = write("window.yaml", """
                organisation: 0a6e2b9c-1111-4c1e-8f00-5a5a5a5a5a5a
                send_rules: { window: { from: "17:00", until: "09:00" }, holidays: { country: DE, subdivision: zz } }
                """);

        assertThatThrownBy(() -> OrganisationSettingsCatalog.load(dir)).isInstanceOfSatisfying(PolicyConfigurationException.class, e -> assertThat(e.getMessage())
                .startsWith("Organisation settings cannot be used:")
                .contains(bad + ": organisation: 'not-a-uuid' is not an organisation id; expected the UUID shown in the console")
                .contains(bad + ": send_rules.window.days[1]: 'funday' is not a day; expected one of: mon, tue, wed, thu, fri, sat, sun")
                .contains(bad + ": send_rules.window.from: expected a time of day as HH:MM in quotes, such as \"09:00\"")
                .contains(bad + ": send_rules.window.zone: 'Europe/Londn' is not a time zone; expected an IANA zone such as Europe/London")
                .contains(bad + ": send_rules.holidays.subdivision: is required for GB; expected one of: eng (England), sct (Scotland), wls (Wales) or nir (Northern Ireland)")
                .contains(bad + ": send_rules.minimum_gap_days: must be 0 or more, got -1")
                .contains(bad + ": send_rules.max_contacts_per_7_days: must be 1 or more, got 0")
                .contains(bad + ": send_rules.burst: unknown field; expected one of: window, holidays, minimum_gap_days, max_contacts_per_7_days")
                .contains(bad + ": limitation: unknown field; expected one of: organisation, provider, tenant_id, description, send_rules")
                .contains(reversed + ": provider: 'sage' is not a ledger; expected one of: xero, quickbooks")
                .contains(reversed + ": send_rules.window.until: must be later than from (17:00)")
                .contains(reversed + ": send_rules.holidays.country: there is no public holiday data for country 'XX'")
                .contains(twiceAgain + ": is about organisation 6f0c3c1e-6d0b-4f57-9a39-0b1a2c3d4e5f, like " + twice)
                .contains(window + ": send_rules.holidays.subdivision: there is no subdivision 'zz' of DE in the holiday data; known: ")
                .doesNotContain(twice + ":"));
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
