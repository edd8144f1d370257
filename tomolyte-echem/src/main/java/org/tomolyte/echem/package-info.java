/**
 * Electrochemistry: EC-Lab files, cycling, critical current density, impedance and DRT, and cell
 * models. Depends on core and io only (no image code), so protocols can join its tables with
 * image-series tables.
 */
package org.tomolyte.echem;
