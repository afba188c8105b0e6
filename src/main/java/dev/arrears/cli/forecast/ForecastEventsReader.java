package dev.arrears.cli.forecast;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.arrears.application.forecast.ForecastEvents;
import dev.arrears.domain.collections.CollectionsContext;
import dev.arrears.domain.collections.Dispute;
import dev.arrears.domain.collections.DisputeOutcome;
import dev.arrears.domain.collections.DisputeResolution;
import dev.arrears.domain.collections.Hold;
import dev.arrears.domain.collections.HoldScope;
import dev.arrears.domain.collections.Instalment;
import dev.arrears.domain.collections.LimitationPeriod;
import dev.arrears.domain.collections.PaymentPlan;
import dev.arrears.domain.collections.PlanStanding;
import dev.arrears.domain.collections.PromiseToPay;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.money.Money;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the forecast's {@code --events} YAML file: holds, disputes, promises, plans and payments on
 * given dates (format in config/README.md, example in config/examples/events.yaml). Invoices and
 * amounts refer to the invoices file: an invoice is named by its number, an amount is in that
 * invoice's currency. Every problem is reported at once, by its place in the file.
 */
public final class ForecastEventsReader {

    private static final Set<String> SECTIONS = Set.of("holds", "disputes", "promises", "plans", "payments", "limitation");
    private static final String BY = "forecast";

    private final ObjectMapper yaml = YAMLMapper.builder().build();

    public ForecastEvents read(Path file, List<InvoiceSnapshot> invoices) {
        JsonNode root;
        try {
            root = yaml.readTree(file.toFile());
        } catch (IOException e) {
            throw new ForecastEventsException(file.toString(), List.of("cannot be read (" + e.getMessage().lines().findFirst().orElse("") + ")"));
        }
        Parse parse = new Parse(invoices.stream().collect(Collectors.toMap(InvoiceSnapshot::invoiceId, Function.identity(), (a, b) -> a)));
        if (root == null || root.isNull() || root.isMissingNode()) {
            return ForecastEvents.NONE;
        }
        if (!root.isObject()) {
            throw new ForecastEventsException(file.toString(), List.of("expected a mapping with any of " + String.join(", ", SECTIONS.stream().sorted().toList())));
        }
        ForecastEvents events = parse.all(root);
        if (!parse.problems.isEmpty()) {
            throw new ForecastEventsException(file.toString(), parse.problems);
        }
        return events;
    }

    /** One pass over a file; collects problems instead of stopping at the first. */
    private static final class Parse {
        private final Map<String, InvoiceSnapshot> invoices;
        private final List<String> problems = new ArrayList<>();

        Parse(Map<String, InvoiceSnapshot> invoices) {
            this.invoices = invoices;
        }

        ForecastEvents all(JsonNode root) {
            for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!SECTIONS.contains(name)) {
                    problems.add("'" + name + "' is not a section; expected " + String.join(", ", SECTIONS.stream().sorted().toList()));
                }
            }
            List<Hold> holds = each(root, "holds", this::hold);
            List<Dispute> disputes = each(root, "disputes", this::dispute);
            List<PromiseToPay> promises = each(root, "promises", this::promise);
            List<PlanStanding> plans = each(root, "plans", this::plan);
            List<ForecastEvents.Payment> payments = each(root, "payments", this::payment);
            Optional<LimitationPeriod> limitation = root.has("limitation") ? limitation(root.get("limitation")) : Optional.empty();
            return new ForecastEvents(new CollectionsContext(holds, disputes, promises, plans, limitation), payments);
        }

        private <T> List<T> each(JsonNode root, String section, ItemParser<T> parser) {
            JsonNode list = root.get(section);
            List<T> items = new ArrayList<>();
            if (list == null || list.isNull()) {
                return items;
            }
            if (!list.isArray()) {
                problems.add(section + ": expected a list (each item starting with '- ')");
                return items;
            }
            for (int i = 0; i < list.size(); i++) {
                String at = section + "[" + (i + 1) + "]";
                int before = problems.size();
                try {
                    T item = parser.parse(new Item(list.get(i), at));
                    if (problems.size() == before) {
                        items.add(item);
                    }
                } catch (IllegalArgumentException e) {
                    problems.add(at + ": " + e.getMessage());
                }
            }
            return items;
        }

        private Hold hold(Item item) {
            String scopeText = item.text("scope", true).orElse("organisation");
            HoldScope scope;
            if (scopeText.equals("organisation")) {
                scope = new HoldScope.WholeOrganisation();
            } else if (scopeText.startsWith("customer ")) {
                scope = new HoldScope.Customer(scopeText.substring("customer ".length()).trim());
            } else if (scopeText.startsWith("invoice ")) {
                String number = scopeText.substring("invoice ".length()).trim();
                invoice(item, "scope", number);
                scope = new HoldScope.Invoice(number);
            } else {
                throw new IllegalArgumentException("scope '" + scopeText + "': expected organisation, customer <customer_id> or invoice <number>");
            }
            return new Hold(item.id("hold"), scope, item.text("reason", false).orElse("hold"), item.text("set_by", false).orElse(BY),
                    item.date("from", true), item.optionalDate("resume_on"), item.optionalDate("released_on"));
        }

        private Dispute dispute(Item item) {
            String number = item.text("invoice", true).orElse("");
            invoice(item, "invoice", number);
            Optional<LocalDate> resolvedOn = item.optionalDate("resolved_on");
            Optional<DisputeResolution> resolution = resolvedOn.map(on -> new DisputeResolution(on,
                    outcome(item.text("outcome", false).orElse("rejected")), item.text("note", false).orElse(""), BY));
            return new Dispute(item.id("dispute"), number, item.text("reason", false).orElse("disputed"), BY,
                    item.date("raised_on", true), resolution);
        }

        private PromiseToPay promise(Item item) {
            String number = item.text("invoice", true).orElse("");
            Optional<InvoiceSnapshot> invoice = invoice(item, "invoice", number);
            Optional<Money> amount = item.has("amount") && invoice.isPresent()
                    ? Optional.of(item.money("amount", invoice.get())) : Optional.empty();
            return new PromiseToPay(item.id("promise"), number, invoice.map(InvoiceSnapshot::customerId).orElse(""),
                    item.date("made_on", true), item.date("pay_by", true), amount, BY, item.optionalDate("withdrawn_on"));
        }

        private PlanStanding plan(Item item) {
            List<String> numbers = new ArrayList<>();
            JsonNode list = item.node.get("invoices");
            if (list == null || !list.isArray() || list.isEmpty()) {
                throw new IllegalArgumentException("invoices: expected a list of invoice numbers, such as [INV-1001, INV-1008]");
            }
            list.forEach(n -> numbers.add(n.asText()));
            List<InvoiceSnapshot> covered = numbers.stream().map(n -> invoice(item, "invoices", n)).flatMap(Optional::stream).toList();
            if (covered.size() != numbers.size()) {
                return null;
            }
            Set<String> customers = covered.stream().map(InvoiceSnapshot::customerId).collect(Collectors.toSet());
            if (customers.size() != 1) {
                throw new IllegalArgumentException("invoices: a plan covers invoices of one customer; these belong to " + customers);
            }
            JsonNode instalments = item.node.get("instalments");
            if (instalments == null || !instalments.isArray() || instalments.isEmpty()) {
                throw new IllegalArgumentException("instalments: expected a list such as - { date: 2027-01-15, amount: 500.00 }");
            }
            List<Instalment> schedule = new ArrayList<>();
            for (int i = 0; i < instalments.size(); i++) {
                Item instalment = new Item(instalments.get(i), item.at + ".instalments[" + (i + 1) + "]");
                schedule.add(new Instalment(i + 1, instalment.date("date", true), instalment.money("amount", covered.getFirst())));
            }
            PaymentPlan plan = new PaymentPlan(item.id("plan"), customers.iterator().next(), numbers, item.date("agreed_on", true),
                    schedule, BY, item.optionalDate("ended_on"));
            return PlanStanding.withoutPayments(plan);
        }

        private ForecastEvents.Payment payment(Item item) {
            String number = item.text("invoice", true).orElse("");
            Optional<InvoiceSnapshot> invoice = invoice(item, "invoice", number);
            if (invoice.isEmpty()) {
                return null;
            }
            return new ForecastEvents.Payment(number, item.date("date", true), item.money("amount", invoice.get()));
        }

        private Optional<LimitationPeriod> limitation(JsonNode node) {
            Item item = new Item(node, "limitation");
            try {
                return Optional.of(new LimitationPeriod(item.integer("years", LimitationPeriod.DEFAULT.years()),
                        item.integer("warn_days_before", LimitationPeriod.DEFAULT.warnDaysBefore())));
            } catch (IllegalArgumentException e) {
                problems.add("limitation: " + e.getMessage());
                return Optional.empty();
            }
        }

        private Optional<InvoiceSnapshot> invoice(Item item, String field, String number) {
            InvoiceSnapshot invoice = invoices.get(number);
            if (invoice == null) {
                problems.add(item.at + "." + field + ": no invoice '" + number + "' in the invoices file");
            }
            return Optional.ofNullable(invoice);
        }

        private static DisputeOutcome outcome(String text) {
            try {
                return DisputeOutcome.valueOf(text.trim().toUpperCase(Locale.ROOT).replace(' ', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("outcome '" + text + "': expected upheld, rejected, partly upheld or withdrawn");
            }
        }

        /** One mapping in a section; its getters throw IllegalArgumentException naming the field. */
        private final class Item {
            private final JsonNode node;
            private final String at;

            Item(JsonNode node, String at) {
                if (node == null || !node.isObject()) {
                    throw new IllegalArgumentException("expected a mapping of fields");
                }
                this.node = node;
                this.at = at;
            }

            boolean has(String field) {
                return node.hasNonNull(field);
            }

            String id(String kind) {
                return text("id", false).orElse(kind + "-" + at.replaceAll("\\D+", ""));
            }

            Optional<String> text(String field, boolean required) {
                if (!has(field)) {
                    if (required) {
                        problems.add(at + "." + field + ": is missing");
                    }
                    return Optional.empty();
                }
                return Optional.of(node.get(field).asText().trim());
            }

            LocalDate date(String field, boolean required) {
                Optional<LocalDate> date = optionalDate(field);
                if (date.isEmpty() && required && !has(field)) {
                    throw new IllegalArgumentException(field + ": is missing; expected a date YYYY-MM-DD");
                }
                return date.orElse(null);
            }

            Optional<LocalDate> optionalDate(String field) {
                if (!has(field)) {
                    return Optional.empty();
                }
                String text = node.get(field).asText().trim();
                try {
                    return Optional.of(LocalDate.parse(text));
                } catch (java.time.format.DateTimeParseException e) {
                    throw new IllegalArgumentException(field + ": '" + text + "' is not a date; expected YYYY-MM-DD");
                }
            }

            Money money(String field, InvoiceSnapshot invoice) {
                if (!has(field)) {
                    throw new IllegalArgumentException(field + ": is missing; expected an amount in " + invoice.currency().getCurrencyCode());
                }
                String text = node.get(field).asText().trim();
                try {
                    return Money.of(new BigDecimal(text), invoice.currency());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(field + ": '" + text + "' is not an amount; expected digits such as 250.00");
                }
            }

            int integer(String field, int otherwise) {
                if (!has(field)) {
                    return otherwise;
                }
                if (!node.get(field).canConvertToInt()) {
                    throw new IllegalArgumentException(field + ": expected a whole number");
                }
                return node.get(field).asInt();
            }
        }
    }

    @FunctionalInterface
    private interface ItemParser<T> {
        T parse(Parse.Item item);
    }
}
