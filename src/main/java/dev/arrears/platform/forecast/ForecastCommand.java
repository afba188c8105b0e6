package dev.arrears.platform.forecast;

import dev.arrears.application.forecast.DecisionRule;
import dev.arrears.application.forecast.Forecast;
import dev.arrears.application.forecast.ForecastEvents;
import dev.arrears.application.forecast.ForecastReport;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.policy.Policy;
import dev.arrears.platform.policy.PolicyConfigurationException;
import dev.arrears.platform.policy.PolicyFileLoader;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@code forecast --policy FILE --invoices FILE [--events FILE] [--days N] [--from DATE] [--why]}: lets an
 * accountant try a policy on sample invoices before it goes live. Runs without a database and
 * without booting the application, so it works on a laptop with nothing but Java.
 */
public final class ForecastCommand {

    public static final int OK = 0;
    public static final int BAD_INPUT = 2;

    private final DecisionRule rule;
    private final PolicyFileLoader policies;
    private final InvoiceCsvReader invoices;

    public ForecastCommand(DecisionRule rule) {
        this(rule, new PolicyFileLoader(), new InvoiceCsvReader());
    }

    ForecastCommand(DecisionRule rule, PolicyFileLoader policies, InvoiceCsvReader invoices) {
        this.rule = Objects.requireNonNull(rule, "rule");
        this.policies = Objects.requireNonNull(policies, "policies");
        this.invoices = Objects.requireNonNull(invoices, "invoices");
    }

    /**
     * @param today supplies the default start date; asked only when {@code --from} is absent
     * @return the process exit status: {@link #OK} or {@link #BAD_INPUT}
     */
    public int run(List<String> args, PrintStream out, PrintStream err, Supplier<LocalDate> today) {
        ForecastOptions options;
        try {
            options = ForecastOptions.parse(args);
        } catch (ForecastOptions.UsageException e) {
            err.println("forecast: " + e.getMessage());
            err.println();
            err.print(ForecastOptions.USAGE);
            return BAD_INPUT;
        }
        if (options.help()) {
            out.print(ForecastOptions.USAGE);
            return OK;
        }
        // Both files are checked before giving up, so one run shows every problem in either.
        Policy policy = null;
        List<InvoiceSnapshot> list = null;
        try {
            policy = policies.load(options.policy());
        } catch (PolicyConfigurationException e) {
            err.println(e.getMessage());
        }
        try {
            list = invoices.read(options.invoices());
        } catch (InvoiceCsvException e) {
            err.println(e.getMessage());
        }
        if (policy == null || list == null) {
            return BAD_INPUT;
        }
        ForecastEvents events = ForecastEvents.NONE;
        if (options.events().isPresent()) {
            try {
                events = new ForecastEventsReader().read(options.events().get(), list);
            } catch (ForecastEventsException e) {
                err.println(e.getMessage());
                return BAD_INPUT;
            }
        }
        LocalDate from = options.from().orElseGet(today);
        ForecastReport report = new Forecast(rule).run(policy, list, from, options.days(), events);
        out.print(new ForecastTable().render(report, options.invoices().toString(), options.why(),
                options.events().map(Object::toString)));
        return OK;
    }
}
