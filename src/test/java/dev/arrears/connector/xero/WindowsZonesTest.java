package dev.arrears.connector.xero;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every time zone Xero's OpenAPI document lists maps to an IANA zone through CLDR (ICU). */
class WindowsZonesTest {

    @Test
    void every_xero_time_zone_has_an_iana_zone() throws Exception {
        JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(XeroSpec.spec("xero_accounting.yaml").toFile());
        JsonNode values = spec.at("/components/schemas/TimeZone/enum");
        assertThat(values.size()).isGreaterThan(100);
        List<String> unmapped = new ArrayList<>();
        for (JsonNode value : values) {
            if (WindowsZones.toZoneId(value.asText(), null).isEmpty()) {
                unmapped.add(value.asText());
            }
        }
        assertThat(unmapped).isEmpty();
    }

    @Test
    void the_organisation_s_country_picks_the_zone_of_its_territory() {
        assertThat(WindowsZones.toZoneId("NEWZEALANDSTANDARDTIME", "NZ")).contains(ZoneId.of("Pacific/Auckland"));
        assertThat(WindowsZones.toZoneId("GMTSTANDARDTIME", "GB")).contains(ZoneId.of("Europe/London"));
        assertThat(WindowsZones.toZoneId("GMTSTANDARDTIME", "IE")).contains(ZoneId.of("Europe/Dublin"));
        assertThat(WindowsZones.toZoneId("ROMANCESTANDARDTIME", "FR")).contains(ZoneId.of("Europe/Paris"));
        assertThat(WindowsZones.toZoneId("ROMANCESTANDARDTIME", "BE")).contains(ZoneId.of("Europe/Brussels"));
        assertThat(WindowsZones.toZoneId("AUSEASTERNSTANDARDTIME", "AU")).contains(ZoneId.of("Australia/Sydney"));
        assertThat(WindowsZones.toZoneId("EASTERNSTANDARDTIME", "US")).contains(ZoneId.of("America/New_York"));
        assertThat(WindowsZones.toZoneId("CENTRALSTANDARDTIME(MEXICO)", "MX")).contains(ZoneId.of("America/Mexico_City"));
        assertThat(WindowsZones.toZoneId("UTC+12", null)).isPresent();
        assertThat(WindowsZones.toZoneId("NOSUCHSTANDARDTIME", "NZ")).isEmpty();
    }
}
