package dev.arrears.application.policy;

/** Port: the set of policies the next cycle decides under (the latest saved version of every document). */
public interface PoliciesInForce {

    PolicySet current();
}
