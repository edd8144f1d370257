/**
 * Tracking across scans (Lewis et al., paper 003: interfaces and displacements during operando
 * cycling): sub-voxel rigid registration by FFT correlation ({@link org.tomolyte.analysis.tracking.PhaseCorrelation},
 * op {@code register.translation}), digital volume correlation ({@link org.tomolyte.analysis.tracking.Dvc},
 * op {@code dvc.displacement}) and the complex FFT they share ({@link org.tomolyte.analysis.tracking.Fft},
 * {@link org.tomolyte.analysis.tracking.Fft3}).
 */
package org.tomolyte.analysis.tracking;
