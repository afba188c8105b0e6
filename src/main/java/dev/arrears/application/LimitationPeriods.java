package dev.arrears.application;

import dev.arrears.domain.collections.LimitationPeriod;

/** Each organisation's limitation period for debts (config/organisations), {@link LimitationPeriod#DEFAULT} unless configured. */
public interface LimitationPeriods {

    LimitationPeriod limitationFor(OrganisationKey organisation);
}
