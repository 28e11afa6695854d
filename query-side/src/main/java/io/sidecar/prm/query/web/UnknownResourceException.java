package io.sidecar.prm.query.web;

/**
 * A request about a resource that does not exist (a list under an unknown partner); answered with the same 404
 * problem as a read of that resource.
 */
public class UnknownResourceException extends RuntimeException {

    private final String what;
    private final String id;

    /**
     * @param what a word for the message, such as "partner"
     * @param id   the id asked for
     */
    public UnknownResourceException(String what, String id) {
        super("no " + what + " with id " + id);
        this.what = what;
        this.id = id;
    }

    public String what() {
        return what;
    }

    public String id() {
        return id;
    }
}
