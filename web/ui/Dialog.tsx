import { Dialog as AriaDialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import type { ReactNode } from 'react';

export function Dialog({ title, isOpen, onOpenChange, children }: { title: string; isOpen: boolean; onOpenChange: (v: boolean) => void; children: ReactNode }) {
  return (
    <ModalOverlay isOpen={isOpen} onOpenChange={onOpenChange} isDismissable className="dialog-overlay">
      <Modal>
        <AriaDialog className="dialog">
          <Heading slot="title" style={{ marginTop: 0 }}>
            {title}
          </Heading>
          {children}
        </AriaDialog>
      </Modal>
    </ModalOverlay>
  );
}
