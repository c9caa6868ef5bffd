/** JMH benchmarks of ddbstreams against what users would write instead. Not published. */
package dev.ddbstreams.benchmarks;
