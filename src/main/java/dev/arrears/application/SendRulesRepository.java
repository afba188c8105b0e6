package dev.arrears.application;

import java.time.ZoneId;

/** The accountants' per-organisation send rules (config/organisations), validated at start-up. */
public interface SendRulesRepository {

    /**
     * The organisation's configured rules, or the defaults ({@code ContactRules.defaults} in its zone,
     * with its country's nationwide public holidays) when nothing is configured for it. Parts of the
     * rules left out of a file take the same defaults.
     *
     * @param zone    the organisation's zone, used unless its file names another
     * @param country the organisation's ISO 3166-1 country, for the default holidays
     */
    SendRules rulesFor(OrganisationKey organisation, ZoneId zone, String country);
}
