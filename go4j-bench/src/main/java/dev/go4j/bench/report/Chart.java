package dev.go4j.bench.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's chart, an SVG drawn by hand: one group of horizontal bars per table line, each bar one system's
 * time divided by the baseline's (Go's; go4j appears twice, on its own scheduler and on the JDK's), on a log-2 axis centred on 1×, with the ratio's interval as a whisker.
 * Bars to the left of the 1× line are faster than the baseline.
 */
final class Chart {
    private static final int WIDTH = 980;
    private static final int LABEL_WIDTH = 330;
    private static final int PLOT_LEFT = LABEL_WIDTH + 10;
    private static final int PLOT_RIGHT = WIDTH - 70;
    private static final int TOP = 70;
    private static final int BAR = 13;
    private static final int GROUP_GAP = 12;
    private static final Map<String, String> COLORS = Map.of("go4j", "#1b7f79", Report.GO4J_JDK, "#8fc9c4",
            "Jox", "#e07b39", "JDK", "#8a8a8a");
    private static final List<String> ORDER = List.of("go4j", Report.GO4J_JDK, "Jox", "JDK");

    private Chart() {
    }

    static String svg(String title, String baseline, List<Report.ChartRow> rows) {
        // The axis: powers of two around everything drawn, at least 1/4× to 4×, at most 1/64× to 64×.
        double min = 0.25;
        double max = 4;
        for (Report.ChartRow row : rows) {
            for (Interval r : row.bars().values()) {
                min = Math.min(min, finiteOr(r.value(), min));
                max = Math.max(max, finiteOr(r.value(), max));
                if (r.known()) {
                    min = Math.min(min, finiteOr(r.lo(), min));
                    max = Math.max(max, finiteOr(r.hi(), max));
                }
            }
        }
        int lowExp = Math.max(-6, (int) Math.floor(log2(min)));
        int highExp = Math.min(6, (int) Math.ceil(log2(max)));
        var scale = new Scale(lowExp, highExp);

        int height = TOP + 30;
        for (Report.ChartRow row : rows) {
            height += Math.max(1, row.bars().size()) * BAR + GROUP_GAP;
        }
        height += 30;

        var svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                        + "font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">%n",
                WIDTH, height, WIDTH, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, height));
        svg.append(String.format(Locale.ROOT,
                "<text x=\"12\" y=\"22\" font-size=\"14\" font-weight=\"bold\">%s</text>%n", escape(title)));
        // Legend.
        int lx = 12;
        for (String system : ORDER) {
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%d\" y=\"34\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                            + "<text x=\"%d\" y=\"44\">%s</text>%n", lx, COLORS.get(system), lx + 16, system));
            lx += 30 + 7 * system.length();
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"44\" fill=\"#444\">%s = 1× (vertical line); "
                + "whiskers: 99.9 %% interval of the ratio</text>%n", lx + 10, escape(baseline)));

        int plotBottom = height - 40;
        // Grid and axis labels.
        for (int e = lowExp; e <= highExp; e++) {
            double x = scale.x(Math.pow(2, e));
            boolean one = e == 0;
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-width=\"%s\"/>%n",
                    x, TOP - 6, x, plotBottom, one ? "#222" : "#ddd", one ? "1.5" : "1"));
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#444\">%s</text>%n",
                    x, plotBottom + 16, axisLabel(e)));
        }
        svg.append(String.format(Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" fill=\"#444\">← faster than %s</text>%n", PLOT_LEFT, plotBottom + 32,
                escape(baseline)));
        svg.append(String.format(Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"#444\">slower than %s →</text>%n", PLOT_RIGHT,
                plotBottom + 32, escape(baseline)));

        int y = TOP;
        for (Report.ChartRow row : rows) {
            int groupHeight = Math.max(1, row.bars().size()) * BAR;
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    LABEL_WIDTH, y + groupHeight / 2.0 + 4, escape(row.label())));
            if (row.bars().isEmpty()) {
                svg.append(String.format(Locale.ROOT,
                        "<text x=\"%d\" y=\"%.1f\" fill=\"#999\">not measured</text>%n", PLOT_LEFT + 4,
                        y + groupHeight / 2.0 + 4));
            }
            int by = y;
            for (String system : ORDER) {
                Interval r = row.bars().get(system);
                if (r == null) {
                    continue;
                }
                bar(svg, scale, by, COLORS.get(system), r);
                by += BAR;
            }
            y += groupHeight + GROUP_GAP;
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"12\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#f0f0f0\"/>%n",
                    y - GROUP_GAP / 2.0, WIDTH - 12, y - GROUP_GAP / 2.0));
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void bar(StringBuilder svg, Scale scale, int y, String color, Interval r) {
        double x1 = scale.x(1);
        double x2 = scale.x(r.value());
        double left = Math.min(x1, x2);
        double width = Math.max(1, Math.abs(x2 - x1));
        svg.append(String.format(Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>%n",
                left, y + 1, width, BAR - 3, color));
        double mid = y + (BAR - 1) / 2.0;
        if (r.known()) {
            double lo = scale.x(r.lo());
            double hi = scale.x(r.hi());
            svg.append(String.format(Locale.ROOT,
                    "<path d=\"M%.1f %.1fH%.1fM%.1f %.1fV%.1fM%.1f %.1fV%.1f\" stroke=\"#222\" fill=\"none\"/>%n",
                    lo, mid, hi, lo, mid - 3, mid + 3, hi, mid - 3, mid + 3));
        }
        // The label goes right of everything drawn on this bar's line: the bar, its whisker and the 1× line (a
        // bar below 1× grows to the left, so its label sits just right of the 1× line).
        double labelX = Math.max(Math.max(x1, x2), r.known() ? scale.x(r.hi()) : x2) + 4;
        svg.append(String.format(Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" fill=\"#333\">%s</text>%n",
                Math.min(labelX, PLOT_RIGHT + 4), mid + 3.5, escape(Report.ratio(r.value()))));
    }

    /** Maps a ratio to an x coordinate on the log-2 axis, clamped to the plot. */
    private record Scale(int lowExp, int highExp) {
        double x(double ratio) {
            double e = ratio > 0 ? log2(ratio) : lowExp;
            e = Math.max(lowExp, Math.min(highExp, e));
            return PLOT_LEFT + (e - lowExp) / (highExp - lowExp) * (PLOT_RIGHT - PLOT_LEFT);
        }
    }

    private static String axisLabel(int exp) {
        if (exp >= 0) {
            return (1 << exp) + "×";
        }
        return "1/" + (1 << -exp) + "×";
    }

    private static double finiteOr(double x, double fallback) {
        return Double.isFinite(x) && x > 0 ? x : fallback;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
