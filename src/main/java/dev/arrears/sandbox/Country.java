package dev.arrears.sandbox;

import java.time.ZoneId;
import java.util.List;

/**
 * What an organisation's country decides: currency, time zone (IANA and Xero's Windows-style
 * name as listed in the Xero OpenAPI {@code TimeZone} enum), Xero version, and the tax on sales.
 */
record Country(String code, String currency, int currencyDigits, ZoneId zone, String xeroTimezone, String xeroVersion,
        String taxType, String taxName, int taxBasisPoints, String currencyName, List<String> orgNames,
        List<String> customerStems, List<String> descriptions) {

    static final Country GB = new Country("GB", "GBP", 2, ZoneId.of("Europe/London"), "GMTSTANDARDTIME", "UK",
            "OUTPUT2", "20% (VAT on Income)", 2000, "British Pound",
            List.of("Harbour & Pike Ltd", "Thistle Print Works Ltd", "Ravensworth Events Ltd"),
            List.of("Albion", "Bramble", "Cobble", "Dunmore", "Elder", "Fenwick", "Gorse", "Hawthorn", "Ivybridge", "Juniper"),
            List.of("Design work", "Consulting hours", "Event staffing", "Printing", "Maintenance contract"));
    static final Country NZ = new Country("NZ", "NZD", 2, ZoneId.of("Pacific/Auckland"), "NEWZEALANDSTANDARDTIME", "NZ",
            "OUTPUT2", "15% GST on Income", 1500, "New Zealand Dollar",
            List.of("Kowhai Joinery Ltd", "Tui Tours Ltd", "Matai Electrical Ltd"),
            List.of("Aroha", "Kauri", "Rimu", "Totara", "Pohutukawa", "Harakeke", "Manuka", "Kea", "Weka", "Kiwa"),
            List.of("Joinery", "Site visit", "Cabinetry", "Installation", "Materials"));
    static final Country DE = new Country("DE", "EUR", 2, ZoneId.of("Europe/Berlin"), "WEUROPESTANDARDTIME", "GLOBAL",
            "OUTPUT", "Umsatzsteuer 19%", 1900, "Euro",
            List.of("Brandt & Söhne GmbH", "Lindenhof Logistik GmbH", "Weißdorn Werkstatt KG"),
            List.of("Adler", "Buche", "Eiche", "Fichte", "Kiefer", "Lärche", "Ulme", "Tanne", "Ahorn", "Esche"),
            List.of("Beratung", "Wartung", "Transport", "Montage", "Softwarelizenz"));
    static final Country JP = new Country("JP", "JPY", 0, ZoneId.of("Asia/Tokyo"), "TOKYOSTANDARDTIME", "GLOBAL",
            "OUTPUT", "Consumption Tax 10%", 1000, "Japanese Yen",
            List.of("Sakura Design KK", "Fuji Freight KK", "Momiji Systems KK"),
            List.of("Aoyama", "Hinode", "Kaede", "Midori", "Nagare", "Sora", "Takumi", "Umi", "Yama", "Kawa"),
            List.of("Design", "Translation", "Freight", "Consulting", "Hosting"));
    static final Country US_WEST = new Country("US", "USD", 2, ZoneId.of("America/Los_Angeles"), "PACIFICSTANDARDTIME", "US",
            "NON", "Out of scope", 0, "United States Dollar",
            List.of("Red Rock Supplies Inc", "Sierra Sprinklers LLC", "Golden Gate Catering Inc"),
            List.of("Mesa", "Canyon", "Sequoia", "Redwood", "Coyote", "Juniper", "Sagebrush", "Yucca", "Cypress", "Manzanita"),
            List.of("Landscaping", "Sprinkler repair", "Catering", "Equipment rental", "Consulting"));
    static final Country US_EAST = new Country("US", "USD", 2, ZoneId.of("America/New_York"), "EASTERNSTANDARDTIME", "US",
            "NON", "Out of scope", 0, "United States Dollar",
            List.of("Hudson Valley Print Co", "Liberty Movers Inc", "Brooklyn Bytes LLC"),
            List.of("Harbor", "Maple", "Chestnut", "Liberty", "Beacon", "Granite", "Bay", "Union", "Pilgrim", "Colonial"),
            List.of("Printing", "Moving services", "Web development", "Storage", "Packing"));
    static final Country CA = new Country("CA", "CAD", 2, ZoneId.of("America/Toronto"), "EASTERNSTANDARDTIME", "GLOBAL",
            "NON", "Out of scope", 0, "Canadian Dollar",
            List.of("Maple Leaf Movers Ltd", "Muskoka Cabins Inc", "Great Lakes Tech Ltd"),
            List.of("Algonquin", "Birch", "Caribou", "Huron", "Loon", "Moose", "Ontario", "Spruce", "Tamarack", "Yukon"),
            List.of("Moving services", "Cabin rental", "IT support", "Snow removal", "Consulting"));
    static final Country AU = new Country("AU", "AUD", 2, ZoneId.of("Australia/Sydney"), "AUSEASTERNSTANDARDTIME", "AU",
            "NON", "Out of scope", 0, "Australian Dollar",
            List.of("Wattle Creek Pty Ltd", "Banksia Builders Pty Ltd", "Coral Coast Media Pty Ltd"),
            List.of("Acacia", "Billabong", "Coolabah", "Dingo", "Gumtree", "Jarrah", "Kookaburra", "Mallee", "Waratah", "Wombat"),
            List.of("Building works", "Video production", "Plumbing", "Site survey", "Consulting"));

    static final List<Country> XERO = List.of(GB, NZ, DE, JP);
    static final List<Country> QUICKBOOKS = List.of(US_WEST, US_EAST, CA, AU);
}
