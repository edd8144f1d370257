/**
 * Operando lithium | solid-electrolyte interfaces, per scan (Lewis et al., paper 003, Methods
 * "Segmentation Analysis", Fig. 1-5): column-wise lithium segmentation ({@code interface.lithium}),
 * interfacial voids by a sweep from the electrolyte bulk ({@code interface.voids}), contact maps
 * ({@code interface.contact}), interface, collector and stack positions ({@code interface.positions})
 * and phase volume inside a region ({@code phase.volume}, paper 001 Fig. 7c). Columns run along the
 * stack axis (z by default); the bottom electrode lies at low indices. Columns are processed in
 * blocks of whole lines fixed by the dimensions, so results do not depend on the thread count.
 */
package org.tomolyte.analysis.interfaces;
