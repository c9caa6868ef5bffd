/**
 * Annotations that declare stream handlers: {@link dev.ddbstreams.annotation.OnInsert}, {@link
 * dev.ddbstreams.annotation.OnModify}, {@link dev.ddbstreams.annotation.OnRemove} and {@link
 * dev.ddbstreams.annotation.OnChange}.
 *
 * <p>Annotations only declare. {@code StreamRouter.builder().build()} reads them once, checks every
 * handler and turns each into a matcher and a bound method handle; nothing reads them again.
 */
@NullMarked
package dev.ddbstreams.annotation;

import org.jspecify.annotations.NullMarked;
