/**
 * Transport through a phase: steady-state diffusion (or conduction) between two faces of the
 * volume and the tortuosity factor it gives ({@code tortuosity.factor}).
 */
package org.tomolyte.analysis.transport;
