/**
 * JMH benchmarks of the kernels, one class per op family, each op called through the registry
 * (so the classes compile whatever ops a build has). Built into
 * {@code tomolyte-bench/target/benchmarks.jar} by {@code mvn package}; never run by the tests.
 */
package org.tomolyte.bench.jmh;
