package io.sidecar.prm.security.personal;

import io.sidecar.prm.events.PersonalDataOwner;
import javax.annotation.Nonnull;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Axon's Jackson serializer with the {@link PersonalDataModule}: an object that names its partner
 * ({@link PersonalDataOwner}: a partner's event, the partner's snapshot) is written with its contact data sealed
 * with that partner's key. Anything else that holds a contact is refused.
 */
final class PersonalDataSerializer extends JacksonSerializer {

    PersonalDataSerializer(JacksonSerializer.Builder builder) {
        super(builder);
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, @Nonnull Class<T> expectedRepresentation) {
        if (object instanceof PersonalDataOwner owner) {
            return PersonalDataModule.writingFor(
                    owner.partnerId(), () -> super.serialize(object, expectedRepresentation));
        }
        return super.serialize(object, expectedRepresentation);
    }
}
