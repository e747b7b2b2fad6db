package org.printmail.lab;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** Faults queued for the token endpoint and the devicecode endpoint, consumed per response. */
final class FaultPlan {
    enum Target { TOKEN, DEVICE_CODE }

    private static final class Pending {
        final LabFault fault;
        int left;

        Pending(LabFault fault) {
            this.fault = fault;
            this.left = fault.count();
        }
    }

    private final Deque<Pending> token = new ArrayDeque<>();
    private final Deque<Pending> deviceCode = new ArrayDeque<>();

    synchronized void add(Target target, LabFault fault) {
        queue(target).addLast(new Pending(fault));
    }

    /** The fault for this response, if any; each call uses up one of its count. */
    synchronized Optional<LabFault> next(Target target) {
        Deque<Pending> q = queue(target);
        Pending p = q.peekFirst();
        if (p == null) {
            return Optional.empty();
        }
        if (--p.left == 0) {
            q.removeFirst();
        }
        return Optional.of(p.fault);
    }

    synchronized void clear() {
        token.clear();
        deviceCode.clear();
    }

    private Deque<Pending> queue(Target target) {
        return target == Target.TOKEN ? token : deviceCode;
    }
}
