package org.tomolyte.cli;

import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.Spacing;
import org.tomolyte.io.RawLayout;
import org.tomolyte.io.ReadOptions;
import picocli.CommandLine.Option;

/** The options of every command that reads a volume: spacing override and raw layout. */
final class ReadOptionsMixin {

    @Option(names = "--spacing", paramLabel = "X,Y,Z", description = "Voxel size in micrometres (one value or X,Y,Z); overrides the file's.")
    String spacing;

    @Option(names = "--raw-dims", paramLabel = "NX,NY,NZ", description = "Size of a headerless raw file, in voxels.")
    String rawDims;

    @Option(names = "--raw-type", paramLabel = "TYPE", description = "Voxel type of a raw file: u8, u16, i32 or f32.")
    String rawType;

    @Option(names = "--raw-order", paramLabel = "ORDER", defaultValue = "little", description = "Byte order of a raw file: little (default) or big.")
    String rawOrder;

    @Option(names = "--raw-offset", paramLabel = "BYTES", defaultValue = "0", description = "Header bytes to skip in a raw file (default 0).")
    long rawOffset;

    ReadOptions toOptions() {
        Spacing s = spacing == null ? null : Spacing.parse(spacing, "--spacing");
        RawLayout raw = null;
        if (rawDims != null || rawType != null) {
            if (rawDims == null || rawType == null) {
                throw new ParameterException("a raw file needs both --raw-dims NX,NY,NZ and --raw-type u8|u16|i32|f32");
            }
            raw = new RawLayout(Dims.parse(rawDims, "--raw-dims"), DataType.parse(rawType, "--raw-type"),
                    RawLayout.parseOrder(rawOrder), rawOffset);
        }
        return new ReadOptions(s, raw, null);
    }
}
