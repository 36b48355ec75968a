package nl.ontwikkelplein.domain;

/**
 * What one enrolment covers. A drop-in hour or a repeated workshop takes enrolments per date; a
 * course of several lessons (Klik &amp; Tik, Digisterker) takes one enrolment for all its lessons.
 */
public enum EnrolmentScope {
    PER_SESSION,
    WHOLE_COURSE
}
