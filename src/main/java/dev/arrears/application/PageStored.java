package dev.arrears.application;

import java.util.List;

/**
 * What storing a page did.
 *
 * @param written             invoices inserted or updated
 * @param ignoredAsOlder      invoices skipped because the stored copy is newer (sync overlap, out-of-order pages)
 * @param quarantined         ids of records stored as quarantined, including snapshots this store could not hold
 * @param settled             invoices that arrived paid, voided or deleted: their pending actions were cancelled
 */
public record PageStored(int written, int ignoredAsOlder, List<String> quarantined, List<InvoiceRef> settled) {

    public PageStored {
        quarantined = List.copyOf(quarantined);
        settled = List.copyOf(settled);
    }
}
