package io.scenery.slicer.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.scenery.slicer.SlicingRun;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class SlicingRunRepository implements PanacheRepositoryBase<SlicingRun, UUID> {
}
