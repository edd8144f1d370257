/**
 * Percolation of a phase: which of its voxels belong to components that touch both faces of
 * the volume normal to an axis ({@code connectivity.through}).
 */
package org.tomolyte.analysis.connectivity;
