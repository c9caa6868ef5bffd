/**
 * Records a ddbstreams router's work in a Micrometer registry: {@link
 * dev.ddbstreams.micrometer.MicrometerObserver}.
 */
@NullMarked
package dev.ddbstreams.micrometer;

import org.jspecify.annotations.NullMarked;
