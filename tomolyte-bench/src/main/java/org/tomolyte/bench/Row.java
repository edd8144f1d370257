package org.tomolyte.bench;

/**
 * One line of the comparison table: one case at one size against one peer (or none).
 *
 * @param caseName             the case ({@link Case#name()})
 * @param ops                  the timed Tomolyte op ids ({@link Case#timedOps()})
 * @param size                 the input size, e.g. {@code 512^3} or {@code 1024x1024x512}
 * @param tomolyteSeconds      median seconds of Tomolyte's timed runs, NaN when not measured
 * @param tomolytePeakRssBytes peak resident set of the Tomolyte process, -1 when unknown
 * @param peer                 the peer tool, or {@code -} when none
 * @param peerSeconds          median seconds of the peer's timed runs, NaN when not measured
 * @param peerPeakRssBytes     peak resident set of the peer process, -1 when unknown
 * @param floor                the floors that apply, as text (empty when none)
 * @param met                  whether they are met
 * @param note                 why something was not measured, or empty
 */
public record Row(String caseName, String ops, String size, double tomolyteSeconds, long tomolytePeakRssBytes, String peer,
                  double peerSeconds, long peerPeakRssBytes, String floor, Met met, String note) {

    /** Whether a row's floors are met. */
    public enum Met {
        /** Every floor is met. */
        YES("yes"),
        /** At least one floor is missed. */
        NO("NO"),
        /** A floor applies but a side could not be measured. */
        UNKNOWN("n/a"),
        /** No floor applies. */
        NONE("-");

        private final String text;

        Met(String text) {
            this.text = text;
        }

        /** As shown in the table. */
        public String text() {
            return text;
        }
    }

    /** Peer seconds / Tomolyte seconds (the speed-up), NaN when either is missing. */
    public double ratio() {
        return tomolyteSeconds > 0 && peerSeconds > 0 ? peerSeconds / tomolyteSeconds : Double.NaN;
    }
}
