package io.scenery.ingest.service;

import io.scenery.ingest.Task;
import io.scenery.ingest.TaskView;
import io.scenery.ingest.Video;
import io.scenery.ingest.repository.TaskRepository;
import io.scenery.ingest.repository.VideoRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Optional;
import java.util.UUID;

/** Reads tasks together with their videos. */
@ApplicationScoped
public class TaskQueries {

    private final TaskRepository tasks;
    private final VideoRepository videos;

    public TaskQueries(TaskRepository tasks, VideoRepository videos) {
        this.tasks = tasks;
        this.videos = videos;
    }

    /** Returns the current state of the task; runs in its own transaction, so any worker thread may call it. */
    @Transactional
    public Optional<TaskView> find(UUID taskId) {
        return tasks.findByIdOptional(taskId).map(this::view);
    }

    /** Returns the task's view; call inside a transaction. */
    public TaskView view(Task task) {
        Video video = videos.findById(task.videoId);
        return TaskView.of(task, video);
    }
}
