package dev.arrears.cli.demo;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Arrears' heap as the garbage collector sees it: the largest heap in use right before a collection
 * (the true peak of the whole heap; the sum of each pool's own peak overstates it, as the pools peak
 * at different moments) and the largest heap still in use right after one (what is really kept).
 */
final class HeapWatch {

    private final AtomicLong peakBeforeGc = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());

    HeapWatch() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
                        peakBeforeGc.accumulateAndGet(heap(info.getMemoryUsageBeforeGc()), Math::max);
                        peakAfterGc.accumulateAndGet(heap(info.getMemoryUsageAfterGc()), Math::max);
                    }
                }, null, null);
            }
        }
    }

    private long heap(Map<String, MemoryUsage> usage) {
        return usage.entrySet().stream().filter(e -> heapPools.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
    }

    /** The largest heap in use so far: before a collection, or now if larger. */
    long peak() {
        return Math.max(peakBeforeGc.get(), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }

    /** The largest heap still in use after a collection so far. */
    long keptPeak() {
        return peakAfterGc.get();
    }
}
