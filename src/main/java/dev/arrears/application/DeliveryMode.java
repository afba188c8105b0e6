package dev.arrears.application;

/** Whether newly planned actions are to be carried out or only shown. */
public enum DeliveryMode {
    /** The organisation is live: actions go to the dispatcher ({@link OutboxStatus#PENDING}). */
    DISPATCH,
    /** The organisation is in preview: actions are kept to be shown ({@link OutboxStatus#PREVIEWED}). */
    PREVIEW_ONLY;

    public OutboxStatus initialStatus() {
        return this == DISPATCH ? OutboxStatus.PENDING : OutboxStatus.PREVIEWED;
    }
}
