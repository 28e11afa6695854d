package io.sidecar.prm.query.admin;

/**
 * One event processor as operators see it (API.md, "Operations").
 *
 * @param name      the processing group
 * @param running   whether it is processing events
 * @param segments  how many segments its token store holds
 * @param claimed   how many of them this process works on
 * @param position  the global position of its slowest claimed segment (-1 before its first event)
 * @param head      the global position of the newest stored event (-1 with no event)
 * @param lag       events between its position and the head
 * @param replaying whether any claimed segment is replaying and has not yet reached the point where the replay began
 * @param error     whether it stopped on an error
 */
public record ProcessorStatus(
        String name,
        boolean running,
        int segments,
        int claimed,
        long position,
        long head,
        long lag,
        boolean replaying,
        boolean error) {}
