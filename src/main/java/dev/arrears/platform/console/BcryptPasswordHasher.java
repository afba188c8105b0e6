package dev.arrears.platform.console;

import dev.arrears.application.console.PasswordHasher;
import io.quarkus.elytron.security.common.BcryptUtil;

/** bcrypt; the cost is {@code arrears.console.bcrypt-cost}. */
final class BcryptPasswordHasher implements PasswordHasher {

    private final int cost;

    BcryptPasswordHasher(int cost) {
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("arrears.console.bcrypt-cost must be between 4 and 31, was " + cost);
        }
        this.cost = cost;
    }

    @Override
    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, cost);
    }

    @Override
    public boolean matches(String password, String hash) {
        return BcryptUtil.matches(password, hash);
    }
}
