/**
 * Tomolyte analyses built on the image core: microstructure metrics (porosity, porosity factor,
 * REV, pore size, cracks, surfaces, tortuosity, connectivity, intensity maps; Dixit et al.,
 * paper 001), operando interfaces (lithium, interfacial voids, contact; Lewis et al., paper 003),
 * series-level quantities and tracking (registration, digital volume correlation). One package
 * per topic; each op sits beside its algorithm, which is callable from Java without the pipeline.
 */
package org.tomolyte.analysis;
