/**
 * Profiles of a grey image: per-slice statistics (and phase fractions) along an axis
 * ({@code profile.axis}) and grey values sampled along a straight segment ({@code profile.line},
 * Lewis et al., paper 003, Fig. S5).
 */
package org.tomolyte.analysis.profile;
