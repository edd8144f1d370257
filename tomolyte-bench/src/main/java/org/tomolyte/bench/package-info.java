/** Benchmarks: JMH kernels and the side-by-side comparison runner against peers (scipy, scikit-image, ImageJ). */
package org.tomolyte.bench;
