package io.segmenta.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * The name users type to choose a stage, as the {@code segmenta.stage.name} service property the engine keys
 * stages by ({@code io.segmenta.api.stage.Stage.NAME_PROPERTY}). Put it beside {@code @Component} on a stage
 * class instead of spelling the property out:
 *
 * <pre>
 * &#64;Component(service = Clusterer.class)
 * &#64;StageName(KMeansClusterer.NAME)
 * public class KMeansClusterer implements Clusterer { ... }
 * </pre>
 *
 * A single-element component property type: DS derives the property name from the type name ({@code StageName}
 * gives {@code stage.name}) after the {@link #PREFIX_}.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface StageName {
    /** Prefixed to the derived property name, making it {@code segmenta.stage.name}. */
    String PREFIX_ = "segmenta.";

    /** The stage's name, equal to what its {@code name()} returns. */
    String value();
}
