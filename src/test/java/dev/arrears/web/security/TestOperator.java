package dev.arrears.web.security;

/**
 * The operator token of the test profile ({@code %test.arrears.operator.token} in
 * application.properties): not a secret, and shared by every admin API test in whatever package
 * it lives.
 */
public final class TestOperator {

    public static final String TOKEN = "test-operator-token-not-a-secret-0001";

    private TestOperator() {
    }
}
