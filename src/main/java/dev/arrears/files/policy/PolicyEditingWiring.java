package dev.arrears.files.policy;

import dev.arrears.application.ConnectionStore;
import dev.arrears.application.DunningStateStore;
import dev.arrears.application.InvoiceStore;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.SendRulesRepository;
import dev.arrears.application.collections.CollectionsStore;
import dev.arrears.application.console.ConsoleEvents;
import dev.arrears.application.forecast.DecisionRule;
import dev.arrears.application.forecast.Forecast;
import dev.arrears.application.policy.OrganisationSettingsBuilder;
import dev.arrears.application.policy.OrganisationSettingsDocuments;
import dev.arrears.application.policy.OrganisationSettingsEditing;
import dev.arrears.application.policy.PoliciesInForce;
import dev.arrears.application.policy.PolicyBuilder;
import dev.arrears.application.policy.PolicyDocuments;
import dev.arrears.application.policy.PolicyEditing;
import dev.arrears.application.policy.TemplateBuilder;
import dev.arrears.application.policy.TemplateDocuments;
import dev.arrears.application.policy.TemplateEditing;
import dev.arrears.domain.dunning.DunningEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The services the console's pages and the admin API's import and export share: policies, organisation settings, message templates. */
@ApplicationScoped
public class PolicyEditingWiring {

    @Produces
    @Singleton
    PolicyEditing policyEditing(PolicyDocuments documents, PolicyBuilder builder, PoliciesInForce policies,
                                OrganisationStore organisations, ConnectionStore connections, InvoiceStore invoices,
                                DunningStateStore states, CollectionsStore collections, SendRulesRepository sendRules,
                                ConsoleEvents events, Clock clock) {
        return new PolicyEditing(documents, builder, policies, organisations, connections, invoices, states, collections, sendRules,
                new Forecast(DecisionRule.engine(new DunningEngine())), events, clock);
    }

    @Produces
    @Singleton
    OrganisationSettingsEditing organisationSettingsEditing(OrganisationSettingsDocuments documents, OrganisationSettingsBuilder builder,
                                                            SendRulesRepository sendRules, OrganisationStore organisations,
                                                            ConnectionStore connections, CollectionsStore collections,
                                                            ConsoleEvents events) {
        return new OrganisationSettingsEditing(documents, builder, sendRules, organisations, connections, collections, events);
    }

    @Produces
    @Singleton
    TemplateEditing templateEditing(TemplateDocuments documents, TemplateBuilder builder, OrganisationStore organisations,
                                    InvoiceStore invoices, ConsoleEvents events, Clock clock) {
        return new TemplateEditing(documents, builder, organisations, invoices, events, clock);
    }
}
