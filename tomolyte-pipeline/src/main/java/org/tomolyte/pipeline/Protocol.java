package org.tomolyte.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.tomolyte.core.PhaseTable;
import org.tomolyte.io.ReadOptions;

/**
 * A parsed protocol file ({@code tomolyte: 1}): named inputs, optional phase names, and steps.
 * See the README for the format.
 *
 * @param file   the protocol file (for messages and hashing)
 * @param name   protocol name
 * @param inputs input name to its declaration, in file order
 * @param phases phase names ({@link PhaseTable#NONE} when none given)
 * @param steps  steps in order (run on every scan)
 * @param series what a series adds (per-item values such as time, the plot axis, series-level steps), or null
 */
public record Protocol(Path file, String name, Map<String, Input> inputs, PhaseTable phases, List<Step> steps, SeriesSpec series) {

    /** The only schema version understood. */
    public static final int SCHEMA = 1;

    /**
     * A protocol input.
     *
     * @param name    name referenced by steps
     * @param source  path as given (relative paths are relative to the protocol's folder), or {@code FILE.h5:/dataset}
     * @param options spacing override, raw layout, dataset
     */
    public record Input(String name, String source, ReadOptions options) {
    }

    /** How a step's volumes are saved. */
    public enum Save {
        /** Multi-page TIFF with ImageJ calibration (default). */
        TIF,
        /** Zarr v2 directory (chunked, zlib). */
        ZARR,
        /** Not saved (tables and metrics still are); the step is recomputed when a resumed run needs it. */
        NONE
    }

    /**
     * One step.
     *
     * @param id     step id: results key and output folder name
     * @param op     op id
     * @param in     input port to a reference: an input name, a step id (its first output) or {@code step.port}
     * @param params raw parameters from the file
     * @param save   how output volumes are saved
     * @param phases phase names for this step only (e.g. {@code {0: solid, 1: pore}} for a threshold mask), or null to use the protocol's
     */
    public record Step(String id, String op, Map<String, String> in, Map<String, Object> params, Save save, PhaseTable phases) {
    }

    /**
     * The {@code series:} block: values known per series item (the time of each scan, the charge
     * passed before it...), the x axis of the series plots, and steps that run once on the series
     * tables after every item has run.
     *
     * @param values     column name (with unit, e.g. {@code time_s}) to one value per item, in item order
     * @param valuesFile a CSV with one row per item (columns as {@code values}; an {@code item} column, when
     *                   present, matches rows to items by name, otherwise rows are in item order), or null
     * @param x          the column the series plots use as x ({@code index} by default, {@code time_s} when given)
     * @param steps      series-level steps; their inputs are the series tables ({@code series}, {@code STEP.TABLE})
     *                   and the protocol's table inputs
     */
    public record SeriesSpec(Map<String, List<Double>> values, String valuesFile, String x, List<Step> steps) {
    }
}
