/**
 * Porosity of a segmented (binarised) volume and its heterogeneity: the pore fraction
 * ({@code porosity.fraction}), the porosity factor d = Phi / Phi0 - 1 of cubic sub-volumes with
 * per-section statistics and maps (Dixit et al., paper 001, Eq. 3, Fig. 5, S10-S12;
 * {@code porosity.factor}) and the representative elementary volume from sub-volumes of growing size
 * ({@code porosity.rev}). Block sums are computed in one streaming pass of bulk row reads; every
 * result is the same for any thread count.
 */
package org.tomolyte.analysis.porosity;
