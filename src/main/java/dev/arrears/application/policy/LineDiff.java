package dev.arrears.application.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines two texts differ in, as a person reads a diff: unchanged, removed and added lines in
 * order (a longest common subsequence of lines). Policy texts are short, so the quadratic table is fine;
 * beyond {@link #MAX_LINES} lines each, the texts are shown as wholly replaced instead.
 */
public final class LineDiff {

    static final int MAX_LINES = 5_000;

    /** One line of a diff. */
    public record Line(Change change, String text) {
    }

    public enum Change {
        SAME(" "), REMOVED("-"), ADDED("+");

        private final String sign;

        Change(String sign) {
            this.sign = sign;
        }

        public String sign() {
            return sign;
        }
    }

    private LineDiff() {
    }

    public static List<Line> between(String before, String after) {
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        List<Line> lines = new ArrayList<>();
        if (a.size() > MAX_LINES || b.size() > MAX_LINES) {
            a.forEach(l -> lines.add(new Line(Change.REMOVED, l)));
            b.forEach(l -> lines.add(new Line(Change.ADDED, l)));
            return lines;
        }
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            if (a.get(i).equals(b.get(j))) {
                lines.add(new Line(Change.SAME, a.get(i++)));
                j++;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                lines.add(new Line(Change.REMOVED, a.get(i++)));
            } else {
                lines.add(new Line(Change.ADDED, b.get(j++)));
            }
        }
        while (i < a.size()) {
            lines.add(new Line(Change.REMOVED, a.get(i++)));
        }
        while (j < b.size()) {
            lines.add(new Line(Change.ADDED, b.get(j++)));
        }
        return lines;
    }
}
