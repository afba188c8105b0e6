package dev.arrears.application.email;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who a reminder email goes to.
 *
 * @param unusable what the ledger held that is no email address (kept to tell a person, never sent to)
 */
public record Recipients(List<Mailbox> to, List<Mailbox> cc, List<Mailbox> bcc, List<String> unusable) {

    public static final Recipients NONE = new Recipients(List.of(), List.of(), List.of(), List.of());

    public Recipients {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        bcc = List.copyOf(bcc);
        unusable = List.copyOf(unusable);
    }

    public boolean isEmpty() {
        return to.isEmpty();
    }

    /**
     * From the ledger's fields, each of which may hold several addresses separated by commas or
     * semicolons (QuickBooks' {@code BillEmailCc} does). An address given twice is sent to once, in the
     * first place it appears (to before cc before bcc); what is no address is set aside, not sent to.
     */
    public static Recipients fromLedger(List<String> to, List<String> cc, List<String> bcc) {
        Map<String, Mailbox> seen = new LinkedHashMap<>();
        List<String> unusable = new ArrayList<>();
        List<Mailbox> toBoxes = parse(to, seen, unusable);
        List<Mailbox> ccBoxes = parse(cc, seen, unusable);
        List<Mailbox> bccBoxes = parse(bcc, seen, unusable);
        if (toBoxes.isEmpty() && !ccBoxes.isEmpty()) {
            // Nobody in "to" but someone in "cc": the first copy recipient becomes the addressee rather than nobody.
            toBoxes = List.of(ccBoxes.getFirst());
            ccBoxes = ccBoxes.subList(1, ccBoxes.size());
        }
        return new Recipients(toBoxes, ccBoxes, bccBoxes, unusable);
    }

    private static List<Mailbox> parse(List<String> fields, Map<String, Mailbox> seen, List<String> unusable) {
        List<Mailbox> boxes = new ArrayList<>();
        for (String field : fields) {
            if (field == null) {
                continue;
            }
            for (String part : field.split("[,;]")) {
                String text = part.strip();
                if (text.isEmpty()) {
                    continue;
                }
                try {
                    Mailbox box = Mailbox.of(text);
                    if (seen.putIfAbsent(box.normalised(), box) == null) {
                        boxes.add(box);
                    }
                } catch (IllegalArgumentException e) {
                    unusable.add(text);
                }
            }
        }
        return boxes;
    }

    /** Every address, for the record of who got what. */
    public List<String> all() {
        List<String> all = new ArrayList<>();
        to.forEach(m -> all.add(m.address()));
        cc.forEach(m -> all.add(m.address()));
        bcc.forEach(m -> all.add(m.address()));
        return all;
    }
}
