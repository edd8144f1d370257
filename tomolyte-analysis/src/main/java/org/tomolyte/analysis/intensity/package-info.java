/**
 * Interfacial intensity maps (Dixit et al., paper 001, Fig. 6 and S13): grey intensity averaged
 * through a depth of electrolyte beneath a Li | electrolyte interface, normalised by the data type's
 * maximum, as a qualitative map of density and contact ({@code intensity.interface_map}).
 */
package org.tomolyte.analysis.intensity;
