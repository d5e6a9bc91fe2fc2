package dev.go4j.errgroup;

import dev.go4j.context.Context;

/**
 * What {@link Group#withContext(Context)} returns: the group and its derived context, Go's
 * {@code g, ctx := errgroup.WithContext(parent)}.
 *
 * {@snippet file="ErrgroupSnippets.java" region="group-and-context"}
 *
 * @param group the group
 * @param context cancelled at the group's first error (with that error as its cause) or when {@code await()}
 *     returns
 */
public record GroupAndContext(Group group, Context context) {
}
