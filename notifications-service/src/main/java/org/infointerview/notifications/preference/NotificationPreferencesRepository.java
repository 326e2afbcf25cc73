package org.infointerview.notifications.preference;

import java.util.Optional;
import org.springframework.data.repository.Repository;

interface NotificationPreferencesRepository extends Repository<NotificationPreferences, String> {

  Optional<NotificationPreferences> findById(String userId);

  NotificationPreferences save(NotificationPreferences preferences);
}
