/**
 * Surface and interfacial areas of the phases of a label volume ({@code surface.area}), by
 * voxel-face counting and by marching cubes.
 */
package org.tomolyte.analysis.surface;
